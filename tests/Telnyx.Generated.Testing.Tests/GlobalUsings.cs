global using Telnyx.Generated;
global using Telnyx.Generated.Webhooks;
