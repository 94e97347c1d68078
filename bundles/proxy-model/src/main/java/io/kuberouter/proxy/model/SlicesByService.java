package io.kuberouter.proxy.model;

import io.kuberouter.api.cluster.EndpointSlice;
import io.kuberouter.api.cluster.ObjectKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Groups EndpointSlices by the Service they belong to, in one pass (slices naming no Service are left out). */
public final class SlicesByService {

    private SlicesByService() {
    }

    public static Map<ObjectKey, List<EndpointSlice>> group(Collection<EndpointSlice> slices) {
        Map<ObjectKey, List<EndpointSlice>> byService = new HashMap<>();
        for (EndpointSlice slice : slices) {
            ObjectKey service = slice.serviceKey();
            if (service != null) {
                byService.computeIfAbsent(service, k -> new ArrayList<>(1)).add(slice);
            }
        }
        return byService;
    }
}
