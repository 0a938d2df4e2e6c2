/**
 * Not API. How ticket text is cut into words, the same way for rules, keywords and the
 * classifier. Not exported.
 */
package org.helpdesktriage.core.internal.text;
