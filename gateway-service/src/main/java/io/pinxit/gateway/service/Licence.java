package io.pinxit.gateway.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/** A licence an author may give an artwork: one of the SPDX ids Pinxit offers. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Licence.Validator.class)
public @interface Licence {

    Set<String> OFFERED = Set.of("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
            "LicenseRef-All-Rights-Reserved");

    String message() default "must be one of CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, CC-BY-NC-4.0, CC-BY-NC-SA-4.0, "
            + "LicenseRef-All-Rights-Reserved";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Licence, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OFFERED.contains(value);
        }
    }
}
