// Ferry's Azure resources: the Durable Functions app and what it needs.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p namePrefix=ferry adminObjectId=<...>
//
// Plan: Elastic Premium EP1. Chunk copies and validations are activities that run for minutes and
// keep database connections; EP1 has no 10-minute execution cap (Consumption has), keeps warm
// instances (no cold start in the middle of a cutover window), and integrates with a VNet for
// private access to Azure SQL and the Flexible Server. Flex Consumption was not chosen: it lacks the
// MSSQL Durable backend and per-instance concurrency control that database connection limits need.

@description('Prefix of every resource name (letters and digits, up to 11 characters).')
@maxLength(11)
param namePrefix string = 'ferry'

param location string = resourceGroup().location

@description('Create the target Flexible Server here too (otherwise the migration request provisions or points at one).')
param createFlexibleServer bool = false

@description('Entra object id of the operators group, given read access to secrets and the workbook.')
param operatorsObjectId string = ''

@description('NCRONTAB schedule of the nightly parity check (UTC).')
param paritySchedule string = '0 0 2 * * *'

@description('The application workload (YAML, docs/queries.md) the nightly parity check also runs; empty: none.')
param parityWorkload string = ''

@description('The p95 budget of the application queries in milliseconds: slower statements are logged on the Flexible Server.')
param queryBudgetMillis int = 200

@description('Action group the alerts notify (empty: alerts fire without a notification).')
param alertActionGroupId string = ''

@description('Blob URL of the staged app as a zip (container "deployments" of this storage account); the app runs from it, read with its identity. Empty on the first deployment.')
param packageUrl string = ''

var suffix = uniqueString(resourceGroup().id)
var storageName = toLower('${namePrefix}${suffix}')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: take(storageName, 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}

// The app's package, read by the app's identity (no shared keys: there is no Azure Files content share).
resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-01-01' = {
  parent: storage
  name: 'default'
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: blobs
  name: 'deployments'
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${namePrefix}-kv-${take(suffix, 6)}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: '${namePrefix}-plan'
  location: location
  sku: { name: 'EP1', tier: 'ElasticPremium' }
  kind: 'elastic'
  properties: {
    reserved: true
    maximumElasticWorkerCount: 3
  }
}

resource app 'Microsoft.Web/sites@2023-01-01' = {
  name: '${namePrefix}-func-${take(suffix, 6)}'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'Java|17'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat([
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'java' }
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_ENABLE_AGENT', value: 'true' }
        { name: 'FERRY_TASK_HUB', value: 'ferry' }
        { name: 'FERRY_PARITY_SCHEDULE', value: paritySchedule }
        { name: 'FERRY_PARITY_WORKLOAD', value: parityWorkload }
        { name: 'FERRY_TARGET_AUTH', value: 'entra' }
        { name: 'FERRY_SOURCE_PASSWORD', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=ferry-source-password)' }
        { name: 'FERRY_ADMIN_PASSWORD', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=ferry-admin-password)' }
      ], empty(packageUrl) ? [] : [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: packageUrl }
        { name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID', value: identity.id }
      ])
    }
  }
}

// Role assignments for the app's identity: Durable task hub storage (blobs, queues, tables) and secrets.
var roles = {
  blobOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  secretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [roles.blobOwner, roles.queueContributor, roles.tableContributor]: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource secretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.secretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource operatorsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorsObjectId)) {
  name: guid(vault.id, operatorsObjectId, roles.secretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.secretsUser)
    principalId: operatorsObjectId
    principalType: 'Group'
  }
}

module flexible 'flexible-server.bicep' = if (createFlexibleServer) {
  name: 'flexible-server'
  params: {
    name: '${namePrefix}-pg-${take(suffix, 6)}'
    location: location
    adminObjectId: identity.properties.principalId
    adminName: identity.name
    slowQueryMillis: queryBudgetMillis
    workspaceId: logs.id
    actionGroupId: alertActionGroupId
  }
}

// Alert: the nightly parity check found a difference (metric ferry.parity.checks with result MISMATCH).
resource parityAlert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-parity-mismatch'
  location: location
  properties: {
    displayName: 'Ferry: nightly parity check found differences'
    severity: 1
    enabled: true
    scopes: [ insights.id ]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "ferry.parity.checks" | where tostring(customDimensions["ferry.result"]) == "MISMATCH"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
  }
}

// Alert: the nightly workload found a query whose answers differ, that failed, or that missed its p95 budget
// (metric ferry.query.checks with a result other than PASS; the alert's rows name the queries).
resource workloadAlert 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: '${namePrefix}-workload-queries'
  location: location
  properties: {
    displayName: 'Ferry: an application query differs or misses its latency budget'
    severity: 2
    enabled: true
    scopes: [ insights.id ]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "ferry.query.checks" | where tostring(customDimensions["ferry.result"]) != "PASS" | extend query = tostring(customDimensions["ferry.query"]), result = tostring(customDimensions["ferry.result"])'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: empty(alertActionGroupId) ? {} : { actionGroups: [ alertActionGroupId ] }
  }
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'ferry-workbook')
  location: location
  kind: 'shared'
  properties: {
    displayName: 'Ferry migrations'
    category: 'workbook'
    sourceId: insights.id
    // the server panels read the Log Analytics workspace the Flexible Server sends its logs and metrics to
    serializedData: replace(loadTextContent('workbook.json'), '__WORKSPACE_ID__', logs.id)
  }
}

output functionAppName string = app.name
output identityClientId string = identity.properties.clientId
output keyVaultName string = vault.name
output storageAccountName string = storage.name
output identityResourceId string = identity.id
