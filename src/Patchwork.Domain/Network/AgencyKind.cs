namespace Patchwork.Network;

// The nodes of the network graph. These records are the shapes the whole service speaks in:
// the store returns them and the GraphQL types expose them, with no mapping layer in between.

public enum AgencyKind { CountyCouncil, DistrictCouncil, Health, School, Fire, Police, Housing, Voluntary, Other }
