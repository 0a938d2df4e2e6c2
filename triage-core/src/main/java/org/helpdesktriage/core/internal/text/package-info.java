/**
 * How ticket text is cut into words, the same way for rules, keywords and the classifier.
 */
package org.helpdesktriage.core.internal.text;
