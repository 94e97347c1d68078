package io.kuberouter.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelExceptionTest {

    @Test
    void messageNamesOperationObjectAndErrno() {
        KernelException e = new KernelException("RTM_NEWLINK", "kube-dummy-if", -17, "");
        assertEquals("RTM_NEWLINK kube-dummy-if: File exists (EEXIST, errno 17)", e.getMessage());
        assertTrue(e.is(Errno.EEXIST));
        assertEquals(17, e.errno());
    }

    @Test
    void detailFollowsErrnoAndUnknownErrnoIsNumeric() {
        assertEquals("RTM_NEWROUTE 10.0.0.0/24: Invalid argument (EINVAL, errno 22): Nexthop has invalid gateway",
                new KernelException("RTM_NEWROUTE", "10.0.0.0/24", 22, "Nexthop has invalid gateway").getMessage());
        assertEquals("IPVS_CMD_GET_INFO: errno 4095", new KernelException("IPVS_CMD_GET_INFO", "", 4095, "").getMessage());
        assertEquals("ipset: exit 1", new KernelException("ipset", "", 0, "exit 1").getMessage());
    }
}
