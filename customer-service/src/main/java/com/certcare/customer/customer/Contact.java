package com.certcare.customer.customer;

/** A contact person at the customer (联系人): name, role, mobile or landline, email; one is primary. */
public record Contact(String name, String role, String phone, String email, boolean primary) {
}
