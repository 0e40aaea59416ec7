/**
 * Back-testing: a candidate rule book evaluated over the stored charts of a period, reporting how each ward's rates
 * and which findings would change, without changing anything stored.
 */
package org.medaudit.backtest;
