namespace Patchwork.Network;

public enum VisitMode { HomeVisit, Office, Phone, Video, Email, Other }
