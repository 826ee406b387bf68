package org.certfree.proofs.department;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A department or unit of the prefecture; see V1__departments.sql. */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public DepartmentKind kind;

    public String uscc;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "is_issuer")
    public boolean issuer;

    @Column(name = "is_using_unit")
    public boolean usingUnit;

    @Column(name = "is_reviewer")
    public boolean reviewer;

    public String address;

    public String phone;

    public boolean active = true;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Set<DepartmentRole> roles() {
        EnumSet<DepartmentRole> roles = EnumSet.noneOf(DepartmentRole.class);
        if (issuer) {
            roles.add(DepartmentRole.ISSUER);
        }
        if (usingUnit) {
            roles.add(DepartmentRole.USING_UNIT);
        }
        if (reviewer) {
            roles.add(DepartmentRole.REVIEWER);
        }
        return roles;
    }

    public void setRoles(Set<DepartmentRole> roles) {
        issuer = roles.contains(DepartmentRole.ISSUER);
        usingUnit = roles.contains(DepartmentRole.USING_UNIT);
        reviewer = roles.contains(DepartmentRole.REVIEWER);
    }
}
