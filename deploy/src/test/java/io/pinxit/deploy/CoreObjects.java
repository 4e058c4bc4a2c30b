package io.pinxit.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' own kinds, read into the fabric8 model of their API version. The model keeps a field it does not know
 * aside instead of failing, so {@link #unknownFields} walks the result for such fields: what the API server's strict
 * field validation would refuse.
 */
final class CoreObjects {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1 Namespace", Namespace.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Service", Service.class,
            "apps/v1 Deployment", Deployment.class,
            "batch/v1 Job", Job.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1 Ingress", Ingress.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CoreObjects() {
    }

    /** Whether the resource is of a kind Kubernetes itself serves (in the versions Pinxit uses). */
    static boolean isCore(Manifest manifest) {
        String group = manifest.apiVersion().contains("/") ? manifest.apiVersion().split("/")[0] : "";
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    static Class<?> model(Manifest manifest) {
        Class<?> model = MODELS.get(manifest.apiVersion() + " " + manifest.kind());
        if (model == null) {
            throw new AssertionError(manifest + ": " + manifest.apiVersion() + " " + manifest.kind()
                    + " is no kind this check knows; add its fabric8 model to CoreObjects");
        }
        return model;
    }

    /** The paths of the fields the model of the resource's kind does not have; a type mismatch throws. */
    static List<String> unknownFields(Manifest manifest) throws JsonProcessingException {
        var unknown = new ArrayList<String>();
        walk(JSON.treeToValue(manifest.body(), model(manifest)), "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, unknown));
        } else if (value != null && value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method getter : value.getClass().getMethods()) {
                if (isGetter(getter)) {
                    Object field = invoke(getter, value);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        ((Map<?, ?>) field).keySet().forEach(name -> unknown.add(path + "." + name));
                    } else {
                        walk(field, path + "." + property(getter), unknown);
                    }
                }
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getName().startsWith("get") && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class;
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
