package org.certfree.proofs.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.certfree.proofs.common.error.Messages;

/** The annotated string, when present, is a valid citizen identity number (GB 11643). */
@Documented
@Constraint(validatedBy = ValidResidentId.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidResidentId {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null passes (use @NotNull where required); anything else must satisfy {@link ResidentId}. */
    class Validator implements ConstraintValidator<ValidResidentId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return ResidentId.problem(value).map(reason -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(Messages.RESIDENT_ID_INVALID.formatted(reason).replace("{", "\\{"))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
