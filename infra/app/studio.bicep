// Optional (main.bicep: deployStudio): the writer's studio as a Static Web App whose /api is the Function App, linked
// as its backend. Linking needs the Standard plan, and it gives the static web app exclusive access to the Function
// App unless the app has authentication of its own: see docs/DEPLOY.md before turning it on.

@description('Name of the static web app.')
param name string

@description('Region of the static web app (only a few regions host them).')
@allowed([
  'centralus'
  'eastus2'
  'eastasia'
  'westeurope'
  'westus2'
])
param location string

@description('Tags for the static web app; it adds azd-service-name.')
param tags object

@description('Resource id of the Function App to link as /api.')
param functionAppId string

@description('Region of the Function App.')
param functionAppLocation string

resource site 'Microsoft.Web/staticSites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'studio' })
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Deployed by azd from the studio's folder, not built from a repository by the service.
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

resource api 'Microsoft.Web/staticSites/linkedBackends@2024-11-01' = {
  parent: site
  name: 'functions'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostname}'
