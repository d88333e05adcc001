namespace Patchwork.Reports;

public enum NoContactReason { NoRecentContact, NoActiveInvolvement, OnlyOverdueVisits }
