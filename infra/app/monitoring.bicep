// Application Insights on a Log Analytics workspace. Local (instrumentation-key) authentication is off: telemetry is
// accepted only with an Entra ID token, which the app's identity gets through Monitoring Metrics Publisher. The
// connection string still tells the exporters where to send; on its own it no longer lets anyone write.

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region of both.')
param location string

@description('Tags for both.')
param tags object

@description('Days the workspace keeps logs; 30 is included in the ingestion price.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Name of the app\'s user-assigned managed identity, which publishes telemetry; in this resource group.')
param appIdentityName string

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

// Looked up by name so role assignment names are known before deployment (What-If can predict them).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentity.id, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
