// An Azure OpenAI account with the two deployments the app calls: a chat model that writes (Model__Deployment) and an
// embedding model for long-term memory (Embeddings__Deployment). Key authentication is off; the app's identity gets
// Cognitive Services OpenAI User. A custom subdomain is required for Entra ID tokens.

@description('Name of the account; also its subdomain, so unique in Azure.')
param name string

@description('Azure region of the account: one where both models are offered.')
param location string

@description('Tags for the account.')
param tags object

@description('The chat deployment: its name, the model and version it serves, and its SKU and capacity (thousands of tokens per minute).')
param chat deploymentSpec

@description('The embedding deployment, in the same shape.')
param embedding deploymentSpec

@description('Name of the app\'s user-assigned managed identity, in this resource group.')
param appIdentityName string

@export()
@description('One model deployment.')
type deploymentSpec = {
  @description('Deployment name the app sends requests to.')
  name: string
  @description('Model name, e.g. gpt-4.1-mini or text-embedding-3-small.')
  model: string
  @description('Model version, e.g. 2025-04-14.')
  version: string
  @description('Deployment type: GlobalStandard, DataZoneStandard or Standard.')
  sku: string
  @description('Quota in thousands of tokens per minute.')
  @minValue(1)
  capacity: int
}

var openAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

// Looked up by name so role assignment names are known before deployment (What-If can predict them).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource chatDeployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: account
  name: chat.name
  sku: {
    name: chat.sku
    capacity: chat.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: chat.model
      version: chat.version
    }
  }
}

resource embeddingDeployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: account
  name: embedding.name
  sku: {
    name: embedding.sku
    capacity: embedding.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: embedding.model
      version: embedding.version
    }
  }
  // The service rejects a second deployment on an account while another is still being created.
  dependsOn: [
    chatDeployment
  ]
}

resource appUses 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appIdentity.id, openAiUser)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output chatDeploymentName string = chatDeployment.name
output embeddingDeploymentName string = embeddingDeployment.name
