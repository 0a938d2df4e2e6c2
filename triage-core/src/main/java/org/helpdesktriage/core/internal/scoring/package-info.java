/**
 * Not API. The scorer that weighs a ticket's priority, age and keywords. Not exported.
 */
package org.helpdesktriage.core.internal.scoring;
