namespace Patchwork.Network;

public enum ContactMethod { Mobile, Landline, Email }
