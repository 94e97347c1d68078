/**
 * Pure-Java models and parsers of the netfilter text formats, for reconcilers that diff desired
 * against current state and for the in-memory fakes:
 * <ul>
 * <li>{@link io.kuberouter.kernel.exec.syntax.IptablesScript} parses {@code iptables-save} output and
 * {@code iptables-restore} input into table blocks; {@link io.kuberouter.kernel.exec.syntax.TableEditor}
 * applies a block to an {@link io.kuberouter.kernel.exec.syntax.IptablesTable} with the tool's flush /
 * {@code --noflush} semantics; {@link io.kuberouter.kernel.exec.syntax.IptablesSave#parse(String)}
 * combines both into tables → chains (policy, counters) → rules.</li>
 * <li>{@link io.kuberouter.kernel.exec.syntax.IpsetScript} parses {@code ipset save} output and
 * {@code ipset restore} input; {@link io.kuberouter.kernel.exec.syntax.IpsetEditor} applies it.</li>
 * </ul>
 * Rules are compared as {@link io.kuberouter.kernel.exec.syntax.RuleSpec} argument lists normalised
 * the way {@code iptables-save} prints them. Malformed text raises
 * {@link io.kuberouter.kernel.exec.syntax.ScriptException} with the 1-based line number.
 */
@Version("1.0.0")
package io.kuberouter.kernel.exec.syntax;

import org.osgi.annotation.versioning.Version;
