// For an Azure OpenAI resource that already exists (useExistingOpenAi): only the app identity's role on it, deployed
// into that resource's own resource group. Its deployments are whatever the owner made; nothing else is touched.

@description('Name of the existing Azure OpenAI (or AI Services) account, in this module\'s resource group.')
param accountName string

@description('Name of the app\'s user-assigned managed identity.')
param appIdentityName string

@description('Resource group of that identity (the deployment\'s own, not this module\'s).')
param appIdentityResourceGroup string

@description('Subscription of that identity.')
param appIdentitySubscriptionId string

var openAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

// Looked up by name so the role assignment's name is known before deployment (What-If can predict it).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
  scope: resourceGroup(appIdentitySubscriptionId, appIdentityResourceGroup)
}

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: accountName
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

output endpoint string = account.properties.endpoint
