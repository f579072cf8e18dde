// RecurrentGPT for Azure: everything `azd up` provisions, in one resource group per azd environment. Plain Bicep
// resources in small modules under app/ (no registry modules, so CI compiles and lints this offline).
targetScope = 'subscription'

import { deploymentSpec } from 'app/openai.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource (except Azure OpenAI and the studio, which have their own): one that offers Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@secure()
@minLength(16)
@description('Shared secret that senders sign plan-choice webhooks with (WEBHOOK_SECRET); stored in Key Vault.')
param webhookSecret string

@secure()
@minLength(16)
@description('Secret that outbound callbacks are signed with (CALLBACK_SIGNING_SECRET); stored in Key Vault.')
param signingSecret string

@description('Region of the Azure OpenAI account if not the same as location (AZURE_OPENAI_LOCATION); both models must be offered there with the chosen deployment types.')
param openAiLocation string = ''

@description('Resource id of an Azure OpenAI (or AI Services) account to use instead of creating one; its deployments must already exist with the names below. Empty creates an account.')
param existingOpenAiResourceId string = ''

@description('The chat deployment that writes the story.')
param chatDeployment deploymentSpec = {
  name: 'chat'
  model: 'gpt-4.1-mini'
  version: '2025-04-14'
  sku: 'GlobalStandard'
  capacity: 50
}

@description('The embedding deployment for long-term memory.')
param embeddingDeployment deploymentSpec = {
  name: 'embeddings'
  model: 'text-embedding-3-small'
  version: '1'
  sku: 'Standard'
  capacity: 120
}

@description('api-version the chat client sends to Azure OpenAI.')
param chatApiVersion string = '2024-10-21'

@description('Embedding vector size sent to the model (text-embedding-3-* can shorten); 0 keeps the model\'s own size.')
@minValue(0)
param embeddingDimensions int = 0

@description('Durable task hub name; one storage account per environment, so a fixed name is enough.')
param taskHubName string = 'RecurrentGpt'

@description('Seconds between scheduler sweeps; every sweep is a billed execution, and a lost doorbell waits at most this long.')
@allowed([10, 15, 20, 30, 60])
param schedulerIntervalSeconds int = 30

@description('Always-ready instances for the durable group: 1 per the Durable Functions guidance for Flex Consumption, 0 to pay nothing at rest.')
@minValue(0)
@maxValue(20)
param durableAlwaysReady int = 1

@description('Memory of each Function App instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the Function App may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Also deploy the writer\'s studio as a Static Web App (Standard plan) with the Function App linked as /api. See docs/DEPLOY.md first.')
param deployStudio bool = false

@description('Region of the studio\'s Static Web App.')
@allowed([
  'centralus'
  'eastus2'
  'eastasia'
  'westeurope'
  'westus2'
])
param studioLocation string = 'westeurope'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var identityName = 'id-${resourceToken}'
var useExistingOpenAi = !empty(existingOpenAiResourceId)
var openAiRegion = empty(openAiLocation) ? location : openAiLocation

// The blob container and tables the app names in StorageOptions (a test holds these to the app's constants).
var storiesContainerName = 'stories'
var storyTables = [
  'StoryMemory'
  'Stories'
  'DueWork'
  'WebhookDeliveries'
  'Readers'
]

resource group 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: group
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: group
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    storiesContainerName: storiesContainerName
    deploymentContainerName: 'app-package-${resourceToken}'
    tableNames: storyTables
    appIdentityName: identityName
  }
  dependsOn: [
    identity
  ]
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: group
  params: {
    workspaceName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    appIdentityName: identityName
  }
  dependsOn: [
    identity
  ]
}

module vault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: group
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    webhookSecretName: 'webhook-secret'
    webhookSecret: webhookSecret
    signingSecretName: 'callback-signing-secret'
    signingSecret: signingSecret
    appIdentityName: identityName
  }
  dependsOn: [
    identity
  ]
}

module openAi 'app/openai.bicep' = if (!useExistingOpenAi) {
  name: 'openai'
  scope: group
  params: {
    name: 'oai-${resourceToken}'
    location: openAiRegion
    tags: tags
    chat: chatDeployment
    embedding: embeddingDeployment
    appIdentityName: identityName
  }
  dependsOn: [
    identity
  ]
}

// An existing account may live in another resource group or subscription: the role goes where the account is.
module existingOpenAi 'app/openai-access.bicep' = if (useExistingOpenAi) {
  name: 'openai-access'
  scope: resourceGroup(split(existingOpenAiResourceId, '/')[2], split(existingOpenAiResourceId, '/')[4])
  params: {
    accountName: last(split(existingOpenAiResourceId, '/'))
    appIdentityName: identityName
    appIdentityResourceGroup: group.name
    appIdentitySubscriptionId: subscription().subscriptionId
  }
  dependsOn: [
    identity
  ]
}

var openAiEndpoint = useExistingOpenAi ? existingOpenAi!.outputs.endpoint : openAi!.outputs.endpoint

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: group
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    storiesContainerName: storage.outputs.storiesContainerName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: vault.outputs.name
    webhookSecretName: vault.outputs.webhookSecretName
    signingSecretName: vault.outputs.signingSecretName
    openAiEndpoint: openAiEndpoint
    chatDeploymentName: chatDeployment.name
    chatApiVersion: chatApiVersion
    embeddingDeploymentName: embeddingDeployment.name
    embeddingDimensions: embeddingDimensions
    taskHubName: taskHubName
    schedulerIntervalSeconds: schedulerIntervalSeconds
    durableAlwaysReady: durableAlwaysReady
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

module studio 'app/studio.bicep' = if (deployStudio) {
  name: 'studio'
  scope: group
  params: {
    name: 'stapp-${resourceToken}'
    location: studioLocation
    tags: tags
    functionAppId: functionApp.outputs.id
    functionAppLocation: location
  }
}

// Read by azd (written to the environment's .env) and by the postdeploy hook.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_OPENAI_ENDPOINT string = openAiEndpoint
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_STATIC_WEB_APP_NAME string = deployStudio ? studio!.outputs.name : ''
output STUDIO_URL string = deployStudio ? studio!.outputs.url : ''
