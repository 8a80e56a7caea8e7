import { describe, test } from 'node:test';
import { assertRuleCase } from '../support/lintHelpers';
import type { RuleCase } from '../support/lintHelpers';

const resources = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';
/** A template with one parameter `P` whose body lines are given (indented under P). */
const param = (...lines: string[]): string => `Parameters:\n  P:\n${lines.map((line) => `    ${line}\n`).join('')}${resources}`;
const json = (body: string): string => `{"Parameters": {"P": ${body}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}`;

const VALID_TYPES = [
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  'AWS::EC2::VPC::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::Route53::HostedZone::Id',
  'List<AWS::EC2::Subnet::Id>',
  'List<AWS::EC2::SecurityGroup::Id>',
  'AWS::SSM::Parameter::Name',
  'AWS::SSM::Parameter::Value<String>',
  'AWS::SSM::Parameter::Value<List<String>>',
  'AWS::SSM::Parameter::Value<CommaDelimitedList>',
  'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
  'AWS::SSM::Parameter::Value<List<AWS::EC2::SecurityGroup::Id>>',
];

const table: Record<string, RuleCase[]> = {
  'cfn-parameter-type': [
    ...VALID_TYPES.map((type) => ({ name: `valid type ${type}`, doc: param(`Type: ${type}`) })),
    { name: 'all attributes', doc: param('Type: String', 'Default: a', 'AllowedValues: [a]', 'AllowedPattern: "[a-z]"', 'ConstraintDescription: x', 'Description: d', 'MaxLength: 3', 'MinLength: 1', 'NoEcho: true') },
    { name: 'Number attributes', doc: param('Type: Number', 'MinValue: 1', 'MaxValue: 3') },
    { name: 'typo in type', doc: param('Type: «Strng»'), messages: ["Unknown parameter type 'Strng'. Did you mean 'String'?"] },
    { name: 'wrong case', doc: param('Type: «string»'), messages: ["Did you mean 'String'?"] },
    { name: 'typo in AWS-specific type', doc: param('Type: «AWS::EC2::VPC::ID»'), messages: ["'AWS::EC2::VPC::Id'"] },
    { name: 'undocumented List<...> types are accepted', doc: param('Type: List<AWS::EC2::KeyPair::KeyName>') },
    { name: 'undocumented SSM value types are accepted', doc: param('Type: AWS::SSM::Parameter::Value<Strin>') },
    { name: 'an unclosed generic type', doc: param('Type: «List<String»'), messages: ["Did you mean 'List<String>'"] },
    { name: 'no suggestion lists the kinds', doc: param('Type: «Boolean»'), messages: ['Valid types are String, Number'] },
    { name: 'missing Type', doc: `Parameters:\n  «P»:\n    Default: a\n${resources}`, messages: ["Parameter 'P' has no Type"] },
    { name: 'Type is not a string', doc: param('Type: «[String]»'), messages: ['must be a literal string'] },
    { name: 'empty Type', doc: param('«Type»:'), messages: ['must be a literal string'] },
    { name: 'parameter is not a mapping', doc: `Parameters:\n  P: «String»\n${resources}`, messages: ["Parameter 'P' must be a mapping"] },
    { name: 'unknown attribute with suggestion', doc: param('Type: String', '«Defualt»: a'), messages: ["Unknown parameter attribute 'Defualt'. Did you mean 'Default'?"] },
    { name: 'unknown attribute without suggestion', doc: param('Type: String', '«Whatever»: a') },
    { name: 'JSON: valid', file: 't.json', doc: json('{"Type": "List<AWS::EC2::Subnet::Id>", "Description": "subnets"}') },
    { name: 'JSON: bad type and attribute', file: 't.json', doc: json('{"Type": «"Numbr"», «"Min"»: 1}'), messages: ["'Number'", 'Unknown parameter attribute'] },
    { name: 'JSON: missing Type', file: 't.json', doc: '{"Parameters": {«"P"»: {}}, "Resources": {"B": {"Type": "AWS::S3::Bucket"}}}' },
    {
      name: 'Rain modules may use Rain-only types',
      doc: `Parameters:\n  P:\n    Type: Boolean\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Rain:\n        EmptyOnDelete: !Ref P\n`,
    },
  ],
  'cfn-parameter-default': [
    { name: 'default among AllowedValues', doc: param('Type: String', 'Default: b', 'AllowedValues: [a, b]') },
    { name: 'default not among AllowedValues', doc: param('Type: String', 'Default: «c»', 'AllowedValues: [a, b]'), messages: ["Default 'c' of parameter 'P' is not one of its AllowedValues ('a', 'b')"] },
    { name: 'close miss gets a suggestion', doc: param('Type: String', 'Default: «prdo»', 'AllowedValues: [dev, prod]'), messages: ["Did you mean 'prod'?"] },
    { name: 'empty default not allowed', doc: param('Type: String', "Default: «''»", 'AllowedValues: [a, b]') },
    { name: 'AllowedValues must be a list', doc: param('Type: String', 'AllowedValues: «a,b»'), messages: ['must be a list'] },
    { name: 'AllowedValues as an empty value', doc: param('Type: String', '«AllowedValues»:'), messages: ['must be a list'] },
    { name: 'pattern matches', doc: param('Type: String', 'Default: abc', 'AllowedPattern: "[a-z]+"') },
    { name: 'pattern must match the whole value', doc: param('Type: String', 'Default: «abc1»', 'AllowedPattern: "[a-z]+"'), messages: ["does not match its AllowedPattern '[a-z]+'"] },
    { name: 'anchored pattern', doc: param('Type: String', 'Default: «a b»', "AllowedPattern: '^[a-z]*$'") },
    { name: 'Java inline flag', doc: param('Type: String', 'Default: ABC', 'AllowedPattern: "(?i)[a-z]+"') },
    { name: 'Java-only syntax is not judged', doc: param('Type: String', 'Default: "1"', 'AllowedPattern: "\\\\p{Alpha}+"') },
    { name: 'invalid pattern', doc: param('Type: String', 'Default: a', 'AllowedPattern: «"[a-z"»'), messages: ["AllowedPattern of parameter 'P' is not a valid regular expression: Unterminated character class."] },
    { name: 'length within bounds', doc: param('Type: String', 'Default: abc', 'MinLength: 1', 'MaxLength: 3') },
    { name: 'too short', doc: param('Type: String', 'Default: «ab»', 'MinLength: 3'), messages: ['is 2 characters long; MinLength is 3'] },
    { name: 'too long', doc: param('Type: String', 'Default: «abcd»', 'MaxLength: "3"'), messages: ['MaxLength is 3'] },
    { name: 'MinLength above MaxLength', doc: param('Type: String', 'MinLength: «5»', 'MaxLength: 2'), messages: ['MinLength (5) is greater than MaxLength (2)'] },
    { name: 'MinLength not an integer', doc: param('Type: String', 'MinLength: «1.5»'), messages: ['MinLength must be a non-negative integer'] },
    { name: 'number default', doc: param('Type: Number', 'Default: 5', 'MinValue: 1', 'MaxValue: 10') },
    { name: 'number default not numeric', doc: param('Type: Number', 'Default: «five»'), messages: ["Default 'five' of parameter 'P' is not a number"] },
    { name: 'below MinValue', doc: param('Type: Number', 'Default: «0»', 'MinValue: 1'), messages: ['less than its MinValue 1'] },
    { name: 'above MaxValue', doc: param('Type: Number', 'Default: «11.5»', 'MaxValue: 10'), messages: ['greater than its MaxValue 10'] },
    { name: 'MinValue above MaxValue', doc: param('Type: Number', 'MinValue: «10»', 'MaxValue: 1'), messages: ['MinValue (10) is greater than MaxValue (1)'] },
    { name: 'MaxValue not a number', doc: param('Type: Number', 'MaxValue: «ten»'), messages: ['MaxValue must be a number'] },
    { name: 'numbers compare numerically', doc: param('Type: Number', 'Default: 1.0', 'AllowedValues: [1, 2]') },
    { name: 'plain numbers compare as numbers for strings too', doc: param('Type: String', 'Default: 0.10', 'AllowedValues: [0.1, 0.2]') },
    { name: 'quoted strings compare as text', doc: param('Type: String', 'Default: «"0.10"»', 'AllowedValues: ["0.1"]') },
    { name: 'list members against AllowedValues', doc: param('Type: CommaDelimitedList', 'Default: "a, b"', 'AllowedValues: [a, b]') },
    { name: 'list member not allowed', doc: param('Type: CommaDelimitedList', 'Default: «"a,c"»', 'AllowedValues: [a, b]'), messages: ["The default member 'c'"] },
    { name: 'list members against the pattern', doc: param('Type: List<String>', 'Default: «"ab,C"»', 'AllowedPattern: "[a-z]+"'), messages: ["member 'C'"] },
    { name: 'number list member not numeric', doc: param('Type: List<Number>', 'Default: «"1,x"»'), messages: [/member 'x'.*List<Number>/] },
    { name: 'empty list default', doc: param('Type: CommaDelimitedList', "Default: ''", 'AllowedValues: [a]') },
    { name: 'SSM value types: the default is a parameter name', doc: param('Type: AWS::SSM::Parameter::Value<String>', 'Default: /my/param', 'AllowedValues: [a]') },
    { name: 'intrinsic default is cfn-intrinsic-context\'s finding', doc: param('Type: String', 'Default: !Ref AWS::Region') },
    { name: 'mapping default', doc: param('Type: String', 'Default: «{a: b}»'), messages: ["The Default of parameter 'P' must be a string."] },
    { name: 'list default given as a list', doc: param('Type: CommaDelimitedList', 'Default: «[a, b]»'), messages: ['comma-separated string'] },
    { name: 'unknown type: default not judged', doc: param('Type: Strng', 'Default: x', 'AllowedValues: [a]') },
    { name: 'JSON: default not allowed', file: 't.json', doc: json('{"Type": "String", "Default": «"c"», "AllowedValues": ["a", "b"]}') },
    { name: 'JSON: numeric default', file: 't.json', doc: json('{"Type": "Number", "Default": «20», "MaxValue": 10}') },
    { name: 'JSON: numbers as strings', file: 't.json', doc: json('{"Type": "Number", "Default": "5", "MinValue": "1", "MaxValue": "10"}') },
  ],
};

void describe('parameter rules', () => {
  for (const [rule, cases] of Object.entries(table)) {
    void describe(rule, () => {
      for (const testCase of cases) void test(testCase.name, () => assertRuleCase(rule, testCase));
    });
  }
});
