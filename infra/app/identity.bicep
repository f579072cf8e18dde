// The app's one identity: the Function App runs as it, and every data-plane role (storage, Key Vault, Azure OpenAI,
// Application Insights) is granted to it, so no key or connection string with a secret is ever needed.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region of the identity.')
param location string

@description('Tags for the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
