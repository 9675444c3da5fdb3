package com.certcare.customer.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only: an endpoint someone forgot to annotate with its roles. It must be closed, not open. */
@Path("/api/customers/test-unannotated")
public class UnannotatedProbeResource {

    @GET
    public String open() {
        return "this should never be served";
    }
}
