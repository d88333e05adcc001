namespace Patchwork.Network;

public enum VisitStatus { Planned, Completed, Cancelled, Missed }
