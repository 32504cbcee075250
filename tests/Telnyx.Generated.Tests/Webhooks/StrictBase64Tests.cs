using Telnyx.Generated.Webhooks;

namespace Telnyx.Generated.Tests.Webhooks;

public class StrictBase64Tests
{
    [Test]
    public void DecodesEveryCanonicalEncoding_LikeTheBcl()
    {
        var random = new Random(7);
        for (int length = 1; length <= 100; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            string text = Convert.ToBase64String(data);
            byte[] decoded = new byte[length + 3];
            Assert.That(StrictBase64.Decode(text, decoded), Is.EqualTo(length), text);
            Assert.That(decoded[..length], Is.EqualTo(data));
        }
    }

    [TestCase("")]
    [TestCase("QQ")]
    [TestCase("QQ=")]
    [TestCase("QR==")]
    [TestCase("QUF=")]
    [TestCase("Q===")]
    [TestCase("====")]
    [TestCase("QQ==QQ==")]
    [TestCase("QU=B")]
    [TestCase("QUJD\n")]
    [TestCase("QU JD")]
    [TestCase("QUJ-")]
    [TestCase("QUJ_")]
    public void RejectsNonCanonicalOrForeignSpellings(string text)
        => Assert.That(StrictBase64.Decode(text, new byte[16]), Is.EqualTo(-1));

    [Test]
    public void RejectsWhatDoesNotFit() => Assert.That(StrictBase64.Decode("QUJD", new byte[2]), Is.EqualTo(-1));
}
