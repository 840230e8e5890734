package org.revos.api.model;

/** The kinds of tenant objects RevOS stores. */
public enum ObjectType {
    USER, ACCOUNT, CONTACT, LEAD, DEAL, ACTIVITY, REVENUE_EVENT, GOAL, PROPERTY_DEFINITION, INITIATIVE, CHECKLIST_ITEM
}
