package org.certfree.proofs.calendar;

/** Kind of a calendar exception (国务院办公厅 annual holiday arrangement). */
public enum DayKind {
    /** A public holiday on what would be a working day, or inside a holiday block. */
    HOLIDAY,
    /** A weekend day that is worked in exchange for a holiday (调休上班). */
    WORKDAY
}
