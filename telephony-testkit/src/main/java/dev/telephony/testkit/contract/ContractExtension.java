package dev.telephony.testkit.contract;

import dev.telephony.api.Capability;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Runs the contract: creates a fresh {@link ProviderHarness} per test and injects it, closes it
 * afterwards, enables tests by the provider's declared capabilities, and fails any test during which
 * a configured secret reached a log line or the message of an escaping exception.
 */
public final class ContractExtension implements ParameterResolver, AfterEachCallback, ExecutionCondition,
        TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContractExtension.class);
    private static final String HARNESS = "harness";
    private static final String CAPTURE = "logs";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<java.lang.reflect.Method> method = context.getTestMethod();
        Optional<Object> instance = context.getTestInstance();
        if (method.isEmpty() || instance.isEmpty() || !(instance.get() instanceof ProviderContract contract)) {
            return ConditionEvaluationResult.enabled("not a contract test");
        }
        RequiresCapability required = method.get().getAnnotation(RequiresCapability.class);
        if (required != null) {
            Set<Capability> declared = contract.declaredCapabilities();
            List<Capability> missing = Arrays.stream(required.value()).filter(c -> !declared.contains(c)).toList();
            if (!missing.isEmpty()) {
                return ConditionEvaluationResult.disabled("the provider does not declare " + missing
                        + "; the unsupported side is checked by CapabilityContract");
            }
        }
        if (method.get().isAnnotationPresent(RequiresPendingPurchases.class) && !contract.purchasesCanStayPending()) {
            return ConditionEvaluationResult.disabled("the provider completes purchases at once");
        }
        return ConditionEvaluationResult.enabled("declared");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProviderHarness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(HARNESS, key -> {
            LogCapture.begin().ifPresent(capture -> store.put(CAPTURE, capture));
            ProviderContract contract = (ProviderContract) context.getRequiredTestInstance();
            return contract.createHarness();
        }, ProviderHarness.class);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        ProviderHarness harness = context.getStore(NAMESPACE).get(HARNESS, ProviderHarness.class);
        if (harness != null) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                String leaked = Secrets.findIn(String.valueOf(t.getMessage()), ContractSupport.secretsOf(harness));
                if (leaked != null) {
                    AssertionError error = new AssertionError("a configured secret appeared in the message of "
                            + t.getClass().getName());
                    throw error;
                }
            }
        }
        throw thrown;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        LogCapture capture = store.remove(CAPTURE, LogCapture.class);
        ProviderHarness harness = store.remove(HARNESS, ProviderHarness.class);
        if (harness == null) {
            return;
        }
        try {
            harness.close();
        } finally {
            if (capture != null) {
                capture.finish();
                for (String line : capture.lines()) {
                    if (Secrets.findIn(line, ContractSupport.secretsOf(harness)) != null) {
                        throw new AssertionError("a configured secret reached a log line from logger "
                                + line.substring(0, line.indexOf(' ')));
                    }
                }
            }
        }
    }
}
