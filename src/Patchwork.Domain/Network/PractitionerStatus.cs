namespace Patchwork.Network;

public enum PractitionerStatus { Active, Left }
