namespace RecurrentGpt.Workflow.Notifications;

/// <summary>Every attempt to deliver a notification failed; the message says how often and what happened last.</summary>
public sealed class CallbackDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
