/**
 * Routing policy of a speaker, modelled on the GoBGP policies kube-router installs: named prefix
 * and neighbor sets, policies made of statements (conditions and actions), and one import and one
 * export assignment with a default action.
 *
 * <p>Evaluation of an assignment: its policies in order, within a policy its statements in order.
 * The first statement whose conditions all match applies its actions; an {@code ACCEPT} or {@code
 * REJECT} disposition ends the evaluation, {@code NONE} goes on with the next statement (with the
 * modified route). When no statement decides, the assignment's default action applies. A condition
 * naming an unknown or empty set matches nothing (ANY) or everything (INVERT).
 */
@Version("1.0.0")
package io.kuberouter.bgp.speaker.policy;

import org.osgi.annotation.versioning.Version;
