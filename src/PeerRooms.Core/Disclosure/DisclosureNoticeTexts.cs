namespace PeerRooms.Core.Disclosure;

/// <summary>The wording of redaction notices in the room's language (en, es, ar; English otherwise).</summary>
public static class DisclosureNoticeTexts
{
    public static string Masked(string kind, string language) => (language, kind) switch
    {
        ("es", PiiKinds.Phone) => "Ocultamos un número de teléfono antes de compartir tu mensaje, para proteger tu privacidad.",
        ("es", PiiKinds.Email) => "Ocultamos una dirección de correo electrónico antes de compartir tu mensaje, para proteger tu privacidad.",
        ("es", _) => "Ocultamos una dirección postal antes de compartir tu mensaje, para proteger tu privacidad.",
        ("ar", PiiKinds.Phone) => "أخفينا رقم هاتف قبل مشاركة رسالتك، حفاظاً على خصوصيتك.",
        ("ar", PiiKinds.Email) => "أخفينا عنوان بريد إلكتروني قبل مشاركة رسالتك، حفاظاً على خصوصيتك.",
        ("ar", _) => "أخفينا عنوان سكن قبل مشاركة رسالتك، حفاظاً على خصوصيتك.",
        (_, PiiKinds.Phone) => "We hid a phone number before sharing your message, to protect your privacy.",
        (_, PiiKinds.Email) => "We hid an email address before sharing your message, to protect your privacy.",
        _ => "We hid a street address before sharing your message, to protect your privacy.",
    };
}
