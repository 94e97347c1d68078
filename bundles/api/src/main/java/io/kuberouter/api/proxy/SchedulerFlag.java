package io.kuberouter.api.proxy;

/**
 * The IPVS scheduler flags kube-router's {@code kube-router.io/service.schedflags} annotation names
 * ({@code flag-1}, {@code flag-2}, {@code flag-3}); for {@code sh} and {@code mh} flag-1 is "fallback" and
 * flag-2 is "port".
 */
public enum SchedulerFlag {
    FLAG_1("flag-1"), FLAG_2("flag-2"), FLAG_3("flag-3");

    private final String annotationValue;

    SchedulerFlag(String annotationValue) {
        this.annotationValue = annotationValue;
    }

    /** The spelling in the annotation. */
    public String annotationValue() {
        return annotationValue;
    }
}
