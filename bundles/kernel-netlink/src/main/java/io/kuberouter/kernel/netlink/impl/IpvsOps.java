package io.kuberouter.kernel.netlink.impl;

import io.kuberouter.kernel.api.ipvs.IpvsOp;
import io.kuberouter.kernel.netlink.wire.Request;
import io.kuberouter.kernel.netlink.wire.ipvs.IpvsRequests;

/** Maps each batch operation of {@link io.kuberouter.kernel.api.ipvs.Ipvs#apply} to its request. */
final class IpvsOps {

    private IpvsOps() {
    }

    static Request encode(IpvsRequests r, IpvsOp op) {
        if (op instanceof IpvsOp.AddService a) {
            return r.newService(a.service());
        } else if (op instanceof IpvsOp.UpdateService u) {
            return r.setService(u.service());
        } else if (op instanceof IpvsOp.DeleteService d) {
            return r.delService(d.key());
        } else if (op instanceof IpvsOp.AddDestination a) {
            return r.newDestination(a.key(), a.destination());
        } else if (op instanceof IpvsOp.UpdateDestination u) {
            return r.setDestination(u.key(), u.destination());
        } else if (op instanceof IpvsOp.DeleteDestination d) {
            return r.delDestination(d.key(), d.destination());
        }
        throw new IllegalArgumentException("unknown IPVS operation " + op);
    }
}
