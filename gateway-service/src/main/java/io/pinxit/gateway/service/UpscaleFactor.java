package io.pinxit.gateway.service;

import io.pinxit.contracts.UpscaleCommand;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How many times larger (per side) a picture may be made: one of {@link UpscaleCommand#FACTORS}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UpscaleFactor.Validator.class)
public @interface UpscaleFactor {

    String message() default "must be one of the upscale factors 2, 4";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UpscaleFactor, Integer> {
        @Override
        public boolean isValid(Integer value, ConstraintValidatorContext context) {
            return value == null || UpscaleCommand.FACTORS.contains(value);
        }
    }
}
