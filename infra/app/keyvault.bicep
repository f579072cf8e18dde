// The vault holding the two HMAC secrets: the incoming webhook's (Webhook__Secret) and the one outbound callbacks are
// signed with (Notifications__SigningSecret). The app reads them through Key Vault references resolved with its
// managed identity, which may read these two secrets and nothing else in the vault. RBAC authorization only: no access
// policies.

@description('Name of the vault: 3 to 24 letters, digits and hyphens, unique in Azure.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the vault.')
param location string

@description('Tags for the vault.')
param tags object

@description('Name of the secret that holds the webhook secret.')
param webhookSecretName string

@secure()
@minLength(16)
@description('The webhook secret (at least 16 characters): azd passes WEBHOOK_SECRET from its environment.')
param webhookSecret string

@description('Name of the secret that holds the callback signing secret.')
param signingSecretName string

@secure()
@minLength(16)
@description('The callback signing secret (at least 16 characters): azd passes CALLBACK_SIGNING_SECRET.')
param signingSecret string

@description('Name of the app\'s user-assigned managed identity, which reads the two secrets; in this resource group.')
param appIdentityName string

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// Looked up by name so role assignment names are known before deployment (What-If can predict them).
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // Short, so that `azd down --purge` and a fresh `azd up` under the same name are not blocked for long.
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource webhook 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: webhookSecretName
  properties: {
    value: webhookSecret
    contentType: 'text/plain'
  }
}

resource signing 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: signingSecretName
  properties: {
    value: signingSecret
    contentType: 'text/plain'
  }
}

// Scoped to each secret rather than the vault: the app can read these two and no other secret added later.
resource appReadsWebhook 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(webhook.id, appIdentity.id, secretsUser)
  scope: webhook
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appReadsSigning 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(signing.id, appIdentity.id, secretsUser)
  scope: signing
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output webhookSecretName string = webhook.name
output signingSecretName string = signing.name
