package dev.hotcold.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that exists to be run by {@link org.junit.platform.testkit.engine.EngineTestKit}
 * (some of them fail on purpose): it is skipped unless the run sets {@link Only#KEY}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Fixture.Only.class)
@interface Fixture {

    /** Enables a fixture only in runs that ask for fixtures. */
    final class Only implements ExecutionCondition {
        static final String KEY = "dev.hotcold.junit.fixtures";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KEY).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                    : ConditionEvaluationResult.disabled("a fixture of LeakCheckTest, run by EngineTestKit only");
        }
    }
}
