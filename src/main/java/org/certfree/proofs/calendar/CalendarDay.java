package org.certfree.proofs.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A day that differs from the Monday–Friday rule: a public holiday or a weekend day worked (调休). */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    @Id
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    public DayKind kind;

    public String name;

    public String source;
}
