package org.revos.api.model;

/**
 * Whether a stage is still open, closes the object as won or lost, or marks a won customer that left.
 * <p>
 * {@link #CHURNED} is neither a win nor a loss: the win stays counted at the time it was made (win rate, revenue
 * won), and the customer's recurring revenue leaves the ledger as CHURN when a deal enters such a stage.
 */
public enum StageCategory {
    OPEN, WON, LOST, CHURNED
}
