/**
 * A CyberTipline report in NCMEC's XML, with invented people, example.org addresses,
 * documentation IP ranges and numbers reserved for fiction. `patch` replaces a part of it.
 */
export interface NcmecParts {
  summary: string;
  internet: string;
  reporter: string;
  reported: string;
  victim: string;
  recipient: string;
  additional: string;
  files: string;
}

export const defaultParts: NcmecParts = {
  summary: `<incidentSummary>
    <incidentType>Online Enticement of Children for Sexual Acts</incidentType>
    <escalateToHighPriority>The child says a meeting is planned tonight</escalateToHighPriority>
    <reportAnnotations><sextortion/></reportAnnotations>
    <incidentDateTime>2025-02-10T21:30:00Z</incidentDateTime>
    <incidentDateTimeDescription>Messages over three evenings</incidentDateTimeDescription>
  </incidentSummary>`,
  internet: `<internetDetails>
    <webPageIncident thirdPartyHostedContent="false">
      <url>https://social.example.org/u/fox</url>
      <url>https://files.example.net/a.jpg</url>
      <additionalInfo>Profile and shared picture</additionalInfo>
    </webPageIncident>
  </internetDetails>
  <internetDetails>
    <chatImIncident><chatClient>ExampleChat</chatClient><chatRoomName>room-42</chatRoomName><content>Send me a picture</content></chatImIncident>
  </internetDetails>
  <internetDetails>
    <emailIncident><emailAddress verified="true">fox.sender@example.org</emailAddress><content>Subject: hello</content></emailIncident>
  </internetDetails>
  <internetDetails>
    <cellPhoneIncident><phoneNumber countryCallingCode="+33">06 39 98 00 31</phoneNumber></cellPhoneIncident>
  </internetDetails>
  <internetDetails>
    <nonInternetIncident>
      <locationName>A park</locationName>
      <incidentAddress type="Business"><address>1 rue Exemple</address><city>Lyon</city><country>FR</country></incidentAddress>
    </nonInternetIncident>
  </internetDetails>
  <internetDetails>
    <peer2peerIncident><client>ExampleShare</client><ipCaptureEvent><ipAddress>203.0.113.9</ipAddress><eventName>Upload</eventName></ipCaptureEvent></peer2peerIncident>
  </internetDetails>`,
  reporter: `<reporter>
    <reportingPerson><firstName>Dana</firstName><lastName>Exemple</lastName><phone>+15555550100</phone><email verified="true">trust.safety@example.net</email></reportingPerson>
    <companyTemplate>Legal process: see our site</companyTemplate>
  </reporter>`,
  reported: `<personOrUserReported>
    <personOrUserReportedPerson><firstName>Renard</firstName><age>34</age><email>renard.fox@example.org</email></personOrUserReportedPerson>
    <espIdentifier>u-88231</espIdentifier>
    <espService>ExampleChat</espService>
    <screenName>fox_1999</screenName>
    <displayName>Foxy</displayName>
    <profileUrl>https://social.example.org/u/fox</profileUrl>
    <ipCaptureEvent><ipAddress>198.51.100.7</ipAddress><eventName>Login</eventName><dateTime>2025-02-10T20:00:00Z</dateTime></ipCaptureEvent>
    <estimatedLocation><city>Lyon</city><region>Auvergne-Rhône-Alpes</region><countryCode>FR</countryCode></estimatedLocation>
  </personOrUserReported>`,
  victim: `<victim>
    <victimPerson><firstName>Lou</firstName><age>13</age></victimPerson>
    <schoolName>Collège Exemple</schoolName>
    <screenName>lou_cat</screenName>
  </victim>`,
  recipient: `<intendedRecipient><screenName>lou_cat</screenName><espService>ExampleChat</espService></intendedRecipient>`,
  additional: `<additionalInfo>Reported by the child's parent through our app</additionalInfo>`,
  files: `<fileDetails>
    <originalFileName>capture.jpg</originalFileName>
    <locationOfFile>https://files.example.net/a.jpg</locationOfFile>
    <originalFileHash hashType="MD5">0123456789abcdef0123456789abcdef</originalFileHash>
    <originalFileHash hashType="SHA1">${'cd'.repeat(20)}</originalFileHash>
    <fileAnnotations><viral/></fileAnnotations>
  </fileDetails>`,
};

export function ncmecXml(patch: Partial<NcmecParts> = {}): string {
  const parts = { ...defaultParts, ...patch };
  return `<?xml version="1.0" encoding="UTF-8"?>
<report xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://report.cybertip.org/ispws/xsd">
  ${parts.summary}
  ${parts.internet}
  ${parts.reporter}
  ${parts.reported}
  ${parts.recipient}
  ${parts.victim}
  ${parts.additional}
  ${parts.files}
</report>`;
}
