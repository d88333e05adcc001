namespace Patchwork.Reports;

public enum FollowUpRoute { Team, Duty }
