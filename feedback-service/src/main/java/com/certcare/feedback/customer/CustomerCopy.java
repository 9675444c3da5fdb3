package com.certcare.feedback.customer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One customer as customer-service last announced it on the {@code customers} topic: the id and the name. */
@Entity
@Table(name = "customer_copy")
public class CustomerCopy extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public Long customerId;
    public String name;
    @Column(name = "credit_code")
    public String creditCode;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
