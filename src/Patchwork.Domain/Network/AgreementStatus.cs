namespace Patchwork.Network;

public enum AgreementStatus { Draft, Active, Suspended, Expired }
