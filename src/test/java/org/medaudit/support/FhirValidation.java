package org.medaudit.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * Validates FHIR R4 JSON against the R4 structure definitions with HAPI FHIR (a test dependency only). Building the
 * validator takes seconds, so one is shared by every test of the run.
 */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** The errors (and fatal errors) the validator finds, as "location: message" lines; empty when valid. */
    public static List<String> errors(String json) {
        return validator().validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::line).toList();
    }

    private static String line(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext context = FhirContext.forR4();
            ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context));
            validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        }
        return validator;
    }
}
