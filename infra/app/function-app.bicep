// The Functions app on a Flex Consumption plan: .NET isolated worker, running as the user-assigned identity, with
// identity-based host storage and Key Vault references for the two secrets. Every app setting is listed here by name,
// literally: tests/RecurrentGpt.Deploy.Tests compiles this template and checks each name against what the app reads,
// and each value for secrets.

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags for the plan and the app; the app adds azd-service-name.')
param tags object

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity: Azure.Identity and the Functions host pick it by this id.')
param identityClientId string

@description('Name of the storage account (host storage, task hub, stories).')
param storageAccountName string

@description('Blob endpoint of that account, e.g. https://account.blob.core.windows.net/.')
param blobEndpoint string

@description('Table endpoint of that account.')
param tableEndpoint string

@description('Blob container for the stories.')
param storiesContainerName string

@description('URL of the blob container the plan deploys the package from.')
param deploymentContainerUrl string

@description('Application Insights connection string (where to send; writing needs the identity\'s token).')
param applicationInsightsConnectionString string

@description('Name of the Key Vault that holds the secrets.')
param keyVaultName string

@description('Name of the webhook secret in the vault.')
param webhookSecretName string

@description('Name of the callback signing secret in the vault.')
param signingSecretName string

@description('Azure OpenAI endpoint, e.g. https://account.openai.azure.com/.')
param openAiEndpoint string

@description('Chat deployment that writes.')
param chatDeploymentName string

@description('api-version the chat client sends.')
param chatApiVersion string

@description('Embedding deployment for long-term memory.')
param embeddingDeploymentName string

@description('Embedding vector size; 0 keeps the model\'s own size.')
@minValue(0)
param embeddingDimensions int

@description('Durable task hub name (host.json reads it as %TaskHubName%).')
param taskHubName string

@description('Seconds between scheduler sweeps (10, 15, 20, 30 or 60).')
@allowed([10, 15, 20, 30, 60])
param schedulerIntervalSeconds int

@description('Always-ready instances for the durable group (orchestrator and activity triggers); 0 lets the app scale to zero.')
@minValue(0)
@maxValue(20)
param durableAlwaysReady int

@description('Memory of each instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Most instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

// NCRONTAB with seconds first; the sweep's own interval (Workflow__SweepInterval) matches it, because the workflow
// schedules doorbells one interval ahead.
var schedule = schedulerIntervalSeconds == 60 ? '0 * * * * *' : '*/${schedulerIntervalSeconds} * * * * *'
var sweepInterval = schedulerIntervalSeconds == 60
  ? '00:01:00'
  : '00:00:${padLeft(string(schedulerIntervalSeconds), 2, '0')}'

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (the default would be a system-assigned one, which the app lacks).
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        // Durable Functions on Flex Consumption: one always-ready instance for the durable group keeps a writer's
        // choice from waiting for a cold start.
        alwaysReady: durableAlwaysReady > 0
          ? [
              {
                name: 'durable'
                instanceCount: durableAlwaysReady
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // Host storage and the durable task hub (host.json: connectionName AzureWebJobsStorage), by identity.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        // DefaultAzureCredential in the worker (stories, Azure OpenAI, telemetry) picks the user-assigned identity by it.
        {
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        {
          name: 'TaskHubName'
          value: taskHubName
        }
        {
          name: 'Scheduler__Schedule'
          value: schedule
        }
        {
          name: 'Workflow__SweepInterval'
          value: sweepInterval
        }
        {
          name: 'Storage__BlobServiceUri'
          value: blobEndpoint
        }
        {
          name: 'Storage__TableServiceUri'
          value: tableEndpoint
        }
        {
          name: 'Storage__ContainerName'
          value: storiesContainerName
        }
        {
          name: 'Model__Provider'
          value: 'AzureOpenAI'
        }
        {
          name: 'Model__Endpoint'
          value: openAiEndpoint
        }
        {
          name: 'Model__Deployment'
          value: chatDeploymentName
        }
        {
          name: 'Model__ApiVersion'
          value: chatApiVersion
        }
        {
          name: 'Embeddings__Provider'
          value: 'AzureOpenAI'
        }
        {
          name: 'Embeddings__Endpoint'
          value: openAiEndpoint
        }
        {
          name: 'Embeddings__Deployment'
          value: embeddingDeploymentName
        }
        {
          // Empty binds as "not set": the model's own size.
          name: 'Embeddings__Dimensions'
          value: embeddingDimensions == 0 ? '' : string(embeddingDimensions)
        }
        {
          name: 'Webhook__Secret'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${webhookSecretName})'
        }
        {
          name: 'Notifications__SigningSecret'
          value: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${signingSecretName})'
        }
      ]
    }
  }
}

// Deployments (azd, the deploy workflow) sign in with Entra ID; basic publishing-profile credentials stay off.
resource noScmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
