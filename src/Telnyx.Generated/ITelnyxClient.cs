namespace Telnyx.Generated;

/// <summary>The Telnyx client as an interface, so code that uses it can be tested with a mock.</summary>
public interface ITelnyxClient
{
    /// <summary>Operations on calls.</summary>
    ICallsClient Calls { get; }
}

/// <summary>Operations on calls.</summary>
public interface ICallsClient
{
    /// <summary>The call control actions (<c>/calls/{call_control_id}/actions/...</c>).</summary>
    ICallActionsClient Actions { get; }
}
