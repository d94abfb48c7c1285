// The target Azure Database for PostgreSQL Flexible Server, as Ferry's provisioning creates it:
// Burstable Standard_B1ms, PostgreSQL 16, 32 GB, 7-day backups, no geo-redundancy, no HA
// (Burstable has none), Entra ID authentication with the app's identity as administrator, and
// citext/pgcrypto allow-listed.
param name string
param location string
param adminObjectId string
param adminName string
param database string = 'crm'

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: name
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled', tenantId: subscription().tenantId }
  }
}

resource extensions 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2022-12-01' = {
  parent: server
  name: 'azure.extensions'
  properties: { value: 'CITEXT,PGCRYPTO', source: 'user-override' }
}

resource db 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: server
  name: database
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

resource admin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2022-12-01' = {
  parent: server
  name: adminObjectId
  properties: { principalType: 'ServicePrincipal', principalName: adminName, tenantId: subscription().tenantId }
  dependsOn: [ extensions ]
}

output fqdn string = server.properties.fullyQualifiedDomainName
