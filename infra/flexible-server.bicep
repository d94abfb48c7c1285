// The target Azure Database for PostgreSQL Flexible Server, as Ferry's provisioning creates it:
// Burstable Standard_B1ms, PostgreSQL 16, 32 GB, 7-day backups, no geo-redundancy, no HA
// (Burstable has none), Entra ID authentication with the app's identity as administrator, and
// citext/pgcrypto/pg_stat_statements allow-listed.
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
  properties: { value: 'CITEXT,PGCRYPTO,PG_STAT_STATEMENTS', source: 'user-override' }
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


// Slow-query detection and monitoring (issue 16): pg_stat_statements preloaded and tracking the
// application's statements, every statement slower than the p95 budget logged, server logs and
// metrics sent to the Log Analytics workspace, and metric alerts on CPU, memory and connections.
// Server parameters are applied one after another (the server refuses concurrent updates);
// shared_preload_libraries takes effect at the next restart.
@description('Statements slower than this many milliseconds are logged (the workload p95 budget).')
param slowQueryMillis int = 200

@description('Connections the application plan allows; the connections alert fires at one below it.')
param connectionLimit int = 8

@description('Log Analytics workspace that receives the server logs and metrics (empty: none).')
param workspaceId string = ''

@description('Action group the metric alerts notify (empty: alerts fire without a notification).')
param actionGroupId string = ''

resource statementsExtension 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2022-12-01' = {
  parent: server
  name: 'shared_preload_libraries'
  properties: { value: 'pg_stat_statements', source: 'user-override' }
  dependsOn: [ extensions ]
}

resource statementsTrack 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2022-12-01' = {
  parent: server
  name: 'pg_stat_statements.track'
  properties: { value: 'top', source: 'user-override' }
  dependsOn: [ statementsExtension ]
}

resource slowQueries 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2022-12-01' = {
  parent: server
  name: 'log_min_duration_statement'
  properties: { value: string(slowQueryMillis), source: 'user-override' }
  dependsOn: [ statementsTrack ]
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(workspaceId)) {
  name: 'ferry-server-logs'
  scope: server
  properties: {
    workspaceId: workspaceId
    logs: [ { category: 'PostgreSQLLogs', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

var metricAlerts = [
  { name: 'cpu', metric: 'cpu_percent', aggregation: 'Average', threshold: 60, text: 'CPU above 60 % on average over 15 minutes' }
  { name: 'memory', metric: 'memory_percent', aggregation: 'Average', threshold: 80, text: 'memory above 80 % on average over 15 minutes' }
  { name: 'connections', metric: 'active_connections', aggregation: 'Maximum', threshold: connectionLimit - 2, text: 'active connections near the plan limit' }
]

resource alerts 'Microsoft.Insights/metricAlerts@2018-03-01' = [for a in metricAlerts: {
  name: '${name}-${a.name}'
  location: 'global'
  properties: {
    description: 'Ferry target ${name}: ${a.text}'
    severity: 2
    enabled: true
    scopes: [ server.id ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: a.metric
          metricName: a.metric
          metricNamespace: 'Microsoft.DBforPostgreSQL/flexibleServers'
          operator: 'GreaterThan'
          threshold: a.threshold
          timeAggregation: a.aggregation
        }
      ]
    }
    actions: empty(actionGroupId) ? [] : [ { actionGroupId: actionGroupId } ]
  }
}]

output serverId string = server.id
output fqdn string = server.properties.fullyQualifiedDomainName
