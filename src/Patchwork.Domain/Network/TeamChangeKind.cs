namespace Patchwork.Network;

public enum TeamChangeKind { Joined, Left }
