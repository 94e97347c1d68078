/**
 * Running one external process per batch ({@link io.kuberouter.kernel.exec.process.ProcessRunner}),
 * the seam that makes the netfilter services unit-testable. Private package.
 */
package io.kuberouter.kernel.exec.process;
