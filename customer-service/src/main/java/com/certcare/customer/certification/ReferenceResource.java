package com.certcare.customer.certification;

import com.certcare.customer.reference.ReferenceData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.certcare.customer.Roles;
import com.certcare.platform.problem.Messages;

@Path("/api/customers/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reference", description = "Provinces, schemes, professional codes and statuses, for forms and filters")
public class ReferenceResource {

    /** The lists in the caller's language. */
    public record Lists(List<Map<String, String>> provinces, List<Map<String, String>> schemes,
            List<Map<String, String>> professionalCodes, List<CertificationStatus> statuses) {
    }

    private final ReferenceData reference;

    ReferenceResource(ReferenceData reference) {
        this.reference = reference;
    }

    @GET
    @RolesAllowed({ Roles.MARKET, Roles.LEADER, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getCustomerReference", summary = "Reference lists in the caller's language")
    public Lists lists(HttpHeaders headers) {
        var locale = Messages.pick(headers.getAcceptableLanguages());
        return new Lists(ReferenceData.view(reference.provinces(), locale), ReferenceData.view(reference.schemes(), locale),
                ReferenceData.view(reference.professionalCodes(), locale), Arrays.asList(CertificationStatus.values()));
    }
}
